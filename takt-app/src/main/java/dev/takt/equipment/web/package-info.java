/**
 * The plant pages of the back office: the equipment tree of a site, the forms that open, change,
 * move and deactivate sites, areas, work centers and work units, and a site's shift calendar with
 * its week view. They call the same services as the REST API and check forms by the same request
 * records, so a rule is kept in one place.
 */
package dev.takt.equipment.web;
