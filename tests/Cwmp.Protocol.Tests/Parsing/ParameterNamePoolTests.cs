using Cwmp.Protocol.Serialization;
using Cwmp.Protocol.Tests.Infrastructure;

namespace Cwmp.Protocol.Tests.Parsing;

/// <summary>Parameter names are shared between parses, within the pool's bounds.</summary>
public sealed class ParameterNamePoolTests
{
    [Fact]
    public void The_same_name_in_two_messages_is_one_string()
    {
        string xml = InformDocument.With(InformDocument.Parameter("Device.ParameterNamePoolTests.Shared", "1"));

        Inform first = InformDocument.Parse(xml);
        Inform second = InformDocument.Parse(xml);

        Assert.Same(first.ParameterList[0].Name, second.ParameterList[0].Name);
    }

    [Fact]
    public void A_name_longer_than_TR069_allows_is_read_but_not_pooled()
    {
        string name = "Device." + new string('n', ParameterNamePool.MaxNameLength);

        string first = ParameterNamePool.Get(name);
        string second = ParameterNamePool.Get(name);

        Assert.Equal(name, first);
        Assert.Equal(name, second);
        Assert.NotSame(first, second);
    }
}
