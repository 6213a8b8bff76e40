using System.ComponentModel.DataAnnotations;
using VpWijzer.Auth;

namespace VpWijzer.Tests.Auth;

public sealed class BotAuthOptionsTests
{
    [Fact]
    public void Defaults_PublicCloudSingleTenant_AsDocumented()
    {
        var options = new BotAuthOptions();

        Assert.True(options.IsDevelopmentMode);
        Assert.Equal(BotAppTypes.SingleTenant, options.MicrosoftAppType);
        Assert.Equal("https://login.botframework.com/v1/.well-known/openidconfiguration", options.BotFrameworkOpenIdMetadataUrl);
        Assert.Null(options.EntraOpenIdMetadataUrl);
        Assert.True(options.RequireHttpsMetadata);
        Assert.Equal(TimeSpan.FromMinutes(5), options.ClockSkew);
    }

    [Fact]
    public void GetEntraOpenIdMetadataUrl_NotSet_TenantV2Document()
    {
        var options = new BotAuthOptions { MicrosoftAppTenantId = TestTokenFactory.TenantId };

        string url = options.GetEntraOpenIdMetadataUrl();

        Assert.Equal($"https://login.microsoftonline.com/{TestTokenFactory.TenantId}/v2.0/.well-known/openid-configuration", url);
    }

    [Fact]
    public void Validate_DevelopmentMode_Valid()
    {
        var options = new BotAuthOptions();

        IReadOnlyList<ValidationResult> errors = Validate(options);

        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_SingleTenantWithTenantGuid_Valid()
    {
        var options = new BotAuthOptions { MicrosoftAppId = TestTokenFactory.AppId, MicrosoftAppTenantId = TestTokenFactory.TenantId };

        IReadOnlyList<ValidationResult> errors = Validate(options);

        Assert.Empty(errors);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("contoso.onmicrosoft.com")]
    public void Validate_SingleTenantWithoutTenantGuid_Invalid(string? tenant)
    {
        var options = new BotAuthOptions { MicrosoftAppId = TestTokenFactory.AppId, MicrosoftAppTenantId = tenant };

        IReadOnlyList<ValidationResult> errors = Validate(options);

        Assert.Contains(errors, e => e.MemberNames.Contains(nameof(BotAuthOptions.MicrosoftAppTenantId)));
    }

    [Fact]
    public void Validate_MultiTenantWithoutTenant_Valid()
    {
        var options = new BotAuthOptions { MicrosoftAppId = TestTokenFactory.AppId, MicrosoftAppType = BotAppTypes.MultiTenant };

        IReadOnlyList<ValidationResult> errors = Validate(options);

        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_UnknownAppType_Invalid()
    {
        var options = new BotAuthOptions { MicrosoftAppId = TestTokenFactory.AppId, MicrosoftAppTenantId = TestTokenFactory.TenantId, MicrosoftAppType = "Personal" };

        IReadOnlyList<ValidationResult> errors = Validate(options);

        Assert.Contains(errors, e => e.MemberNames.Contains(nameof(BotAuthOptions.MicrosoftAppType)));
    }

    [Fact]
    public void Validate_HttpMetadataWhileHttpsRequired_Invalid()
    {
        var options = new BotAuthOptions
        {
            MicrosoftAppId = TestTokenFactory.AppId,
            MicrosoftAppTenantId = TestTokenFactory.TenantId,
            BotFrameworkOpenIdMetadataUrl = "http://login.botframework.com/v1/.well-known/openidconfiguration",
        };

        IReadOnlyList<ValidationResult> errors = Validate(options);

        Assert.Contains(errors, e => e.MemberNames.Contains(nameof(BotAuthOptions.BotFrameworkOpenIdMetadataUrl)));
    }

    [Fact]
    public void Validate_ClockSkewOverTenMinutes_Invalid()
    {
        var options = new BotAuthOptions { ClockSkew = TimeSpan.FromHours(1) };

        IReadOnlyList<ValidationResult> errors = Validate(options);

        Assert.Contains(errors, e => e.MemberNames.Contains(nameof(BotAuthOptions.ClockSkew)));
    }

    private static List<ValidationResult> Validate(BotAuthOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
