package org.relaydesk.escalation.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A stored business-hours calendar (V2 migration); see {@code CalendarService} for the mapping to the domain. */
@Entity
@Table(name = "calendar")
public class CalendarEntity extends PanacheEntityBase {

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Column(name = "is_default", nullable = false)
    public boolean isDefault;

    @Version
    public long version;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @ElementCollection
    @CollectionTable(name = "calendar_window", joinColumns = @JoinColumn(name = "calendar_id"))
    public List<Window> windows = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "calendar_holiday", joinColumns = @JoinColumn(name = "calendar_id"))
    public List<Holiday> holidays = new ArrayList<>();

    /** A working window {@code [startMinute, endMinute)} of an ISO weekday. */
    @Embeddable
    public static class Window {
        @Column(name = "iso_weekday", nullable = false)
        public short isoWeekday;

        @Column(name = "start_minute", nullable = false)
        public short startMinute;

        @Column(name = "end_minute", nullable = false)
        public short endMinute;

        public Window() {
        }

        public Window(int isoWeekday, int startMinute, int endMinute) {
            this.isoWeekday = (short) isoWeekday;
            this.startMinute = (short) startMinute;
            this.endMinute = (short) endMinute;
        }
    }

    /** A holiday: yearly when {@code year} is null, else one-time. */
    @Embeddable
    public static class Holiday {
        @Column(name = "holiday_month", nullable = false)
        public short month;

        @Column(name = "holiday_day", nullable = false)
        public short day;

        @Column(name = "holiday_year")
        public Short year;

        @Column(name = "name")
        public String name;

        public Holiday() {
        }

        public Holiday(int month, int day, Integer year, String name) {
            this.month = (short) month;
            this.day = (short) day;
            this.year = year == null ? null : year.shortValue();
            this.name = name;
        }
    }
}
