package dev.takt.equipment.web;

import dev.takt.equipment.internal.ShiftCalendar;
import dev.takt.equipment.internal.ShiftCalendarView;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;

/**
 * The shift calendar form: the whole weekly pattern and the planned non-working periods, saved as
 * one with the version read. Field names and paths are the API's ({@code shifts[0].breaks[1].end}),
 * so a refusal naming a path lands on that input. Times stay text here, as the browser sends them.
 */
public class CalendarForm {
  private List<ShiftForm> shifts = new ArrayList<>();
  private List<NonWorkingForm> plannedNonWorking = new ArrayList<>();
  private Long version;

  static CalendarForm of(ShiftCalendarView calendar) {
    CalendarForm form = new CalendarForm();
    for (ShiftCalendar.ShiftPattern s : calendar.shifts()) {
      ShiftForm shift = new ShiftForm();
      shift.setCode(s.code());
      shift.setName(s.name());
      shift.setStart(s.start().toString());
      shift.setEnd(s.end().toString());
      shift.setWeekdays(new ArrayList<>(s.weekdays().stream().map(DayOfWeek::name).toList()));
      for (ShiftCalendar.BreakPattern b : s.breaks()) {
        BreakForm br = new BreakForm();
        br.setStart(b.start().toString());
        br.setEnd(b.end().toString());
        shift.getBreaks().add(br);
      }
      form.shifts.add(shift);
    }
    for (ShiftCalendar.PlannedNonWorking p : calendar.plannedNonWorking()) {
      NonWorkingForm n = new NonWorkingForm();
      n.setFrom(p.from().toString());
      n.setTo(p.to().toString());
      n.setReason(p.reason());
      form.plannedNonWorking.add(n);
    }
    form.version = calendar.version();
    return form;
  }

  public List<ShiftForm> getShifts() {
    return shifts;
  }

  public void setShifts(List<ShiftForm> shifts) {
    this.shifts = shifts;
  }

  public List<NonWorkingForm> getPlannedNonWorking() {
    return plannedNonWorking;
  }

  public void setPlannedNonWorking(List<NonWorkingForm> plannedNonWorking) {
    this.plannedNonWorking = plannedNonWorking;
  }

  public Long getVersion() {
    return version;
  }

  public void setVersion(Long version) {
    this.version = version;
  }

  /** One shift of the weekly pattern. */
  public static class ShiftForm {
    private String code;
    private String name;
    private String start;
    private String end;
    private List<String> weekdays = new ArrayList<>();
    private List<BreakForm> breaks = new ArrayList<>();

    public String getCode() {
      return code;
    }

    public void setCode(String code) {
      this.code = code;
    }

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public String getStart() {
      return start;
    }

    public void setStart(String start) {
      this.start = start;
    }

    public String getEnd() {
      return end;
    }

    public void setEnd(String end) {
      this.end = end;
    }

    public List<String> getWeekdays() {
      return weekdays;
    }

    public void setWeekdays(List<String> weekdays) {
      this.weekdays = weekdays;
    }

    public List<BreakForm> getBreaks() {
      return breaks;
    }

    public void setBreaks(List<BreakForm> breaks) {
      this.breaks = breaks;
    }
  }

  /** A break of a shift. */
  public static class BreakForm {
    private String start;
    private String end;

    public String getStart() {
      return start;
    }

    public void setStart(String start) {
      this.start = start;
    }

    public String getEnd() {
      return end;
    }

    public void setEnd(String end) {
      this.end = end;
    }
  }

  /** A planned non-working period, in local date and time. */
  public static class NonWorkingForm {
    private String from;
    private String to;
    private String reason;

    public String getFrom() {
      return from;
    }

    public void setFrom(String from) {
      this.from = from;
    }

    public String getTo() {
      return to;
    }

    public void setTo(String to) {
      this.to = to;
    }

    public String getReason() {
      return reason;
    }

    public void setReason(String reason) {
      this.reason = reason;
    }
  }
}
