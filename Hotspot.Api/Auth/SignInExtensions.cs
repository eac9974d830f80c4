namespace Hotspot.Api.Auth;

public static class SignInExtensions
{
    /// <summary>The sign-in throttles, per account and per address (<see cref="SignInLimitOptions"/>).</summary>
    public static WebApplicationBuilder AddSignInLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SignInLimitOptions>().Bind(builder.Configuration.GetSection(SignInLimitOptions.SectionName));
        builder.Services.AddSingleton<AccountSignInLimiter>();
        builder.Services.AddSingleton<AddressSignInLimiter>();
        return builder;
    }
}
