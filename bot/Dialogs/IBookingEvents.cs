using VpWijzer.Routing;
using VpWijzer.State;

namespace VpWijzer.Dialogs;

/// <summary>What happens after a booking changes: the handoff to the VP listens here.</summary>
public interface IBookingEvents
{
    /// <param name="employeeName">Only for a named invite, and only to show to the chosen VP.</param>
    Task BookedAsync(TurnContext context, BookingRecord record, string? employeeName);

    Task CancelledByEmployeeAsync(TurnContext context, BookingRecord record);

    Task RescheduledByEmployeeAsync(TurnContext context, BookingRecord record);

    /// <summary>The employee accepted the time the VP proposed (the record holds the new time).</summary>
    Task ProposalAcceptedAsync(TurnContext context, BookingRecord record);

    /// <summary>A new booking card replaces the employee's earlier one: that one shows "verzet" and loses its buttons.</summary>
    Task EmployeeCardSupersededAsync(TurnContext context, BookingRecord record, string oldWhen);
}

/// <summary>The VP's own place in the bot: their upcoming bookings and VP help, instead of the employee's booking intro.</summary>
public interface IVpHome
{
    /// <summary>The directory VP this turn comes from, or null (an employee, or a channel where no VP can be).</summary>
    Scheduling.VpProfile? VpOf(TurnContext context);

    Task ShowAsync(TurnContext context, Scheduling.VpProfile vp);
}

/// <summary>No handoff configured: nothing to tell anyone.</summary>
public sealed class NoBookingEvents : IBookingEvents
{
    public Task BookedAsync(TurnContext context, BookingRecord record, string? employeeName) => Task.CompletedTask;

    public Task CancelledByEmployeeAsync(TurnContext context, BookingRecord record) => Task.CompletedTask;

    public Task RescheduledByEmployeeAsync(TurnContext context, BookingRecord record) => Task.CompletedTask;

    public Task ProposalAcceptedAsync(TurnContext context, BookingRecord record) => Task.CompletedTask;

    public Task EmployeeCardSupersededAsync(TurnContext context, BookingRecord record, string oldWhen) => Task.CompletedTask;
}

/// <summary>Makes the "add to my calendar" link for an anonymous reservation, or null when none can be offered.</summary>
public interface ICalendarLinkFactory
{
    string? UrlFor(string bookingId);
}
