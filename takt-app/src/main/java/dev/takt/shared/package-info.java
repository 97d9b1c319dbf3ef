/**
 * The shared kernel: value types, roles and error types that every module speaks. Nothing here
 * knows a module; it holds only what would otherwise be copied into each of them.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Shared kernel",
    type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dev.takt.shared;
