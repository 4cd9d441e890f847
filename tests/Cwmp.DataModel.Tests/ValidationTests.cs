namespace Cwmp.DataModel.Tests;

/// <summary>Every rule of <see cref="DataModelCatalog.Validate"/>, on real parameters of the BBF definitions.</summary>
public sealed class ValidationTests(CatalogFixture fixture) : IClassFixture<CatalogFixture>
{
    private readonly DataModelCatalog _catalog = fixture.Catalog;

    [Theory]
    [InlineData("Device.WiFi.SSID.3.SSID", "home-net")]
    [InlineData("Device.WiFi.SSID.{i}.SSID", "")]
    [InlineData("Device.WiFi.SSID.[cpe-ssid-1].SSID", "alias-addressed")]
    [InlineData("Device.ManagementServer.PeriodicInformInterval", "3600")]
    [InlineData("Device.ManagementServer.PeriodicInformEnable", "true")]
    [InlineData("Device.ManagementServer.PeriodicInformEnable", "0")]
    [InlineData("Device.ManagementServer.PeriodicInformTime", "2026-01-01T00:00:00Z")]
    [InlineData("Device.WiFi.Radio.1.OperatingStandards", "n, ac,ax")] // enumerationRef: the values come from SupportedStandards
    [InlineData("Device.WiFi.Radio.1.Channel", "36")]
    [InlineData("Device.IP.Diagnostics.IPPing.DiagnosticsState", "Requested")]
    [InlineData("Device.IP.Interface.1.IPv4Address.2.IPAddress", "192.168.1.1")]
    [InlineData("Device.IP.Interface.1.IPv4Address.2.IPAddress", "")]
    [InlineData("Device.WiFi.SSID.1.Alias", "cpe-1")]
    [InlineData("Device.UserInterface.TextColor", "FF00aa")]
    [InlineData("Device.UserInterface.ISPLogo", "iVBORw0KGgo=")]
    [InlineData("InternetGatewayDevice.LANDevice.1.WLANConfiguration.2.SSID", "guest")]
    [InlineData("InternetGatewayDevice.LANDevice.1.WLANConfiguration.2.Channel", "11")]
    [InlineData("InternetGatewayDevice.ManagementServer.PeriodicInformInterval", "86400")]
    [InlineData("Device.Services.VoiceService.1.SIP.Client.2.AuthUserName", "alice")]
    [InlineData("InternetGatewayDevice.Services.VoiceService.1.SIP.Client.2.AuthUserName", "alice")]
    [InlineData("Device.Services.STBService.1.Components.FrontEnd.1.DVBT.Modulation.Constellation", "64QAM")]
    [InlineData("Device.Services.StorageService.1.NetInfo.HostName", "nas")]
    [InlineData("InternetGatewayDevice.Services.FAPService.1.DNPrefix", "dc=example")]
    [InlineData("Device.X_ACME_Fancy.Mode", "anything")]
    [InlineData("Device.WiFi.SSID.1.X_ACME_Boost", "7")]
    public void A_good_value_of_a_writable_parameter_passes(string path, string value) =>
        Assert.Equal(ValidationResult.Ok(path), _catalog.Validate(path, value));

    [Theory]
    [InlineData("Device.ManagementServer.PeriodicInformInterval", "often", ValidationRule.Type, "\"often\" is not an unsignedInt.")]
    [InlineData("Device.ManagementServer.PeriodicInformInterval", "-5", ValidationRule.Type, "\"-5\" is not an unsignedInt.")]
    [InlineData("Device.ManagementServer.PeriodicInformInterval", "0", ValidationRule.Range, "0 is outside [1:].")]
    [InlineData("Device.WiFi.Radio.1.Channel", "256", ValidationRule.Range, "256 is outside [1:255].")]
    [InlineData("Device.ManagementServer.PeriodicInformEnable", "yes", ValidationRule.Type, "\"yes\" is not a boolean (true, false, 1 or 0).")]
    [InlineData("Device.ManagementServer.PeriodicInformTime", "tomorrow", ValidationRule.Type, "\"tomorrow\" is not an ISO 8601 dateTime (e.g. 2026-01-31T12:00:00Z).")]
    [InlineData("Device.WiFi.SSID.3.SSID", "this-ssid-is-far-too-long-for-802.11", ValidationRule.Length, "The value is 36 characters long; allowed: 0..32.")]
    [InlineData("Device.WiFi.SSID.1.Alias", "an-alias-of-more-than-sixty-four-characters-is-refused-by-tr-181-x", ValidationRule.Length, "The value is 66 characters long; allowed: 0..64.")]
    [InlineData("Device.UserInterface.TextColor", "FF00", ValidationRule.Length, "The value is 2 bytes long; allowed: 3..3.")]
    [InlineData("Device.UserInterface.TextColor", "red", ValidationRule.Type, "\"red\" is not hexBinary (an even number of hex digits).")]
    [InlineData("Device.UserInterface.ISPLogo", "not base64!", ValidationRule.Type, "The value is not base64.")]
    [InlineData("Device.IP.Diagnostics.IPPing.DiagnosticsState", "Complete", ValidationRule.Enumeration, "\"Complete\" is a value the CPE reports; the ACS may not set it.")]
    [InlineData("Device.IP.Interface.1.IPv4Address.2.IPAddress", "300.1.1.1", ValidationRule.Pattern, "\"300.1.1.1\" matches none of the patterns \"\", \"((25[0-5]|2[0-4][0-9]|[01]?[0-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|[01]?[0-9]?[0-9])\".")]
    [InlineData("Device.DeviceInfo.SoftwareVersion", "1.0", ValidationRule.NotWritable, "Device.DeviceInfo.SoftwareVersion is read-only (Device:2.17).")]
    [InlineData("Device.WiFi.SSID.2.", "x", ValidationRule.NotWritable, "The path names an object; only parameters have values.")]
    [InlineData("InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.SSID", "an-ssid-that-is-longer-than-32-chars", ValidationRule.Length, "The value is 36 characters long; allowed: 0..32.")]
    [InlineData("InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.Channel", "300", ValidationRule.Range, "300 is outside [0:255].")]
    [InlineData("InternetGatewayDevice.DeviceInfo.SoftwareVersion", "1.0", ValidationRule.NotWritable, "InternetGatewayDevice.DeviceInfo.SoftwareVersion is read-only (InternetGatewayDevice:1.14).")]
    [InlineData("Device.Services.STBService.1.Components.FrontEnd.1.DVBT.Modulation.Constellation", "1024QAM", ValidationRule.Enumeration, "\"1024QAM\" is not one of QPSK, 16QAM, 64QAM.")]
    [InlineData("InternetGatewayDevice.Services.StorageService.2.UserAccount.1.Username", "a-user-name-with-far-more-than-sixty-four-characters-is-refused-here", ValidationRule.Length, "The value is 68 characters long; allowed: 0..64.")]
    public void A_bad_value_is_refused_naming_the_parameter_and_rule(string path, string value, ValidationRule rule, string message) =>
        Assert.Equal(new ValidationResult(path, rule, message), _catalog.Validate(path, value));

    [Fact]
    public void A_list_item_outside_the_enumeration_is_refused_naming_the_item()
    {
        const string Path = "Device.ManagementServer.DUStateChangeComplPolicy.OperationTypeFilter";
        Assert.True(_catalog.Validate(Path, "Install, Uninstall").IsValid);
        Assert.Equal(
            new ValidationResult(Path, ValidationRule.Enumeration, "List item \"Reinstall\": \"Reinstall\" is not one of Install, Update, Uninstall."),
            _catalog.Validate(Path, "Install,Reinstall"));
    }

    [Fact]
    public void A_list_longer_than_its_size_is_refused()
    {
        string layers = string.Join(",", Enumerable.Range(1, 100).Select(i => $"Device.Ethernet.Interface.{i}"));
        ValidationResult result = _catalog.Validate("Device.IP.Interface.1.LowerLayers", layers);
        Assert.Equal(new ValidationResult("Device.IP.Interface.1.LowerLayers", ValidationRule.ListItems, $"The list is {layers.Length} characters long; at most 1024 are allowed."), result);
    }

    [Theory]
    [InlineData("Device.NoSuchObject.Value")]
    [InlineData("Device.WiFi.SSID.1.NoSuchParameter")]
    [InlineData("InternetGatewayDevice.Services.VoiceService.1.NoSuch")]
    public void An_unknown_parameter_is_refused(string path)
    {
        ValidationResult result = _catalog.Validate(path, "1");
        Assert.Equal(ValidationRule.UnknownParameter, result.Rule);
        Assert.Equal(path, result.Path);
        Assert.Equal(ValidationRule.UnknownParameter, _catalog.ValidatePath(path).Rule);
    }

    [Fact]
    public void A_vendor_parameter_is_checked_against_the_type_the_CPE_reported()
    {
        Assert.True(_catalog.Validate("Device.X_ACME_Counter", "12", "xsd:unsignedInt").IsValid);
        Assert.Equal(
            new ValidationResult("Device.X_ACME_Counter", ValidationRule.Type, "\"twelve\" is not an unsignedInt."),
            _catalog.Validate("Device.X_ACME_Counter", "twelve", "xsd:unsignedInt"));
    }

    [Fact]
    public void A_vendor_enumeration_value_extends_a_standard_enumeration()
    {
        Assert.True(_catalog.Validate("Device.Services.STBService.1.Components.FrontEnd.1.DVBT.Modulation.Constellation", "X_ACME_4096QAM").IsValid);
    }

    [Fact]
    public void Objects_carry_tables_keys_and_writability()
    {
        ObjectDefinition ssid = _catalog.FindObject("Device.WiFi.SSID.7.")!;
        Assert.Equal("Device.WiFi.SSID.{i}.", ssid.Path);
        Assert.True(ssid.IsMultiInstance);
        Assert.True(ssid.IsWritable);
        Assert.Null(ssid.MaxEntries);
        Assert.Equal([["Alias"], ["Name"], ["BSSID"]], ssid.UniqueKeys);
        Assert.Same(ssid, _catalog.FindObject("Device.WiFi.SSID."));
        Assert.False(_catalog.FindObject("Device.DeviceInfo.")!.IsWritable);
        ObjectDefinition client = _catalog.FindObject("InternetGatewayDevice.Services.VoiceService.1.SIP.Client.1.")!;
        Assert.Equal("VoiceService:2.0", client.Model);
        Assert.True(client.IsWritable);
    }

    [Fact]
    public void Named_data_types_resolve_through_their_base_chain()
    {
        ParameterDefinition alias = _catalog.FindParameter("Device.WiFi.SSID.2.Alias")!;
        Assert.Equal("Alias", alias.Syntax.DataType);
        Assert.Equal(PrimitiveType.String, alias.Syntax.Type);
        Assert.Equal([new LengthRange(null, 64)], alias.Syntax.Lengths);
        ParameterDefinition address = _catalog.FindParameter("Device.IP.Interface.1.IPv4Address.1.IPAddress")!;
        Assert.Equal("IPv4Address", address.Syntax.DataType);
        Assert.Equal([new LengthRange(null, 15)], address.Syntax.Lengths);
        Assert.Equal(2, address.Syntax.Patterns.Count);
        ParameterDefinition password = _catalog.FindParameter("Device.ManagementServer.ConnectionRequestPassword")!;
        Assert.True(password.Syntax.Hidden);
        Assert.Equal("xsd:unsignedInt", _catalog.FindParameter("Device.ManagementServer.PeriodicInformInterval")!.Syntax.XsdType);
    }

    [Theory]
    [InlineData("Device.WiFi.SSID.3.SSID", "Device.WiFi.SSID.{i}.SSID")]
    [InlineData("Device.Hosts.Host.12.IPv4Address.3.IPAddress", "Device.Hosts.Host.{i}.IPv4Address.{i}.IPAddress")]
    [InlineData("Device.WiFi.SSID.[guest].", "Device.WiFi.SSID.{i}.")]
    [InlineData("Device.DeviceInfo.SoftwareVersion", "Device.DeviceInfo.SoftwareVersion")]
    [InlineData("Device.IP.Interface.", "Device.IP.Interface.")]
    public void Instance_paths_become_generic_paths(string path, string generic) =>
        Assert.Equal(generic, DataModelPath.ToGeneric(path));
}
