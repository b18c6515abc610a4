namespace Ses.Service.Calendar;

/// <summary>The imported holiday schedules.</summary>
public static class CalendarSetup
{
    public static WebApplicationBuilder AddCalendar(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<CalendarStore>();
        return builder;
    }
}
