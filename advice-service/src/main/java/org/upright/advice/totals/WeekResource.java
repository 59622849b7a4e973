package org.upright.advice.totals;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.upright.advice.access.Access;
import org.upright.advice.rules.RulesConfig;
import org.upright.problems.InvalidRequestException;

/** A person's weeks: the figures, each CDC target, whether it is met and what remains. */
@Path("/api/v1/users/{userId}/weeks")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class WeekResource {

    static final int MAX_WEEKS = 53;

    @Inject
    DayTotals dayTotals;

    @Inject
    RulesConfig rules;

    @Inject
    Access access;

    @GET
    @Path("/{isoWeek}")
    @Operation(summary = "One ISO week in the person's time zone: aerobic minutes, strength days, sitting, posture, stress and pain, against the targets")
    public WeekView week(@PathParam("userId") String userId, @PathParam("isoWeek") String isoWeek) {
        access.requireSelfOrAdmin(userId);
        IsoWeek week = parse("isoWeek", isoWeek);
        return WeekView.of(WeekFigures.of(week, dayTotals.days(userId, week.monday(), week.sunday())), rules);
    }

    @GET
    @Operation(summary = "The weeks from one ISO week to another, both included, oldest first (at most 53)")
    public List<WeekView> history(@PathParam("userId") String userId, @QueryParam("from") String from, @QueryParam("to") String to) {
        access.requireSelfOrAdmin(userId);
        IsoWeek first = parse("from", from);
        IsoWeek last = parse("to", to);
        long weeks = ChronoUnit.WEEKS.between(first.monday(), last.monday()) + 1;
        if (weeks < 1) {
            throw new InvalidRequestException("to", "must not be before from");
        }
        if (weeks > MAX_WEEKS) {
            throw new InvalidRequestException("to", "at most " + MAX_WEEKS + " weeks can be asked for at once");
        }
        TreeMap<LocalDate, DayFigures> days = dayTotals.days(userId, first.monday(), last.sunday());
        List<WeekView> history = new ArrayList<>();
        for (IsoWeek week = first; !week.monday().isAfter(last.monday()); week = week.next()) {
            history.add(WeekView.of(WeekFigures.of(week, days), rules));
        }
        return history;
    }

    private static IsoWeek parse(String field, String text) {
        if (text == null) {
            throw new InvalidRequestException(field, "is required: an ISO week such as 2026-W48");
        }
        try {
            return IsoWeek.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(field, e.getMessage());
        }
    }
}
