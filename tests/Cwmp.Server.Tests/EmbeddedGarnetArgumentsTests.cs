using Cwmp.Server.Hosting;

namespace Cwmp.Server.Tests;

public sealed class EmbeddedGarnetArgumentsTests
{
    [Fact]
    public void Default_settings_give_the_verified_command_line()
    {
        var settings = new EmbeddedGarnetSettings("/var/lib/cwmp", 6400, TimeSpan.FromMinutes(5), AofCommitWait: true);

        Assert.Equal(
            [
                "--bind", "127.0.0.1",
                "--port", "6400",
                "--checkpointdir", "/var/lib/cwmp/garnet",
                "--aof",
                "--recover",
                "--lua",
                "--device-type", "RandomAccess",
                "-q",
                "--aof-commit-wait",
            ],
            EmbeddedGarnetArguments.For(settings));
    }

    [Fact]
    public void Commit_wait_can_be_dropped_and_the_index_sized()
    {
        var settings = new EmbeddedGarnetSettings("/data", 7000, TimeSpan.Zero, AofCommitWait: false, IndexSize: "16m");

        Assert.Equal(
            [
                "--bind", "127.0.0.1",
                "--port", "7000",
                "--checkpointdir", "/data/garnet",
                "--aof",
                "--recover",
                "--lua",
                "--device-type", "RandomAccess",
                "-q",
                "--index", "16m",
            ],
            EmbeddedGarnetArguments.For(settings));
    }

    [Fact]
    public void The_connection_string_names_the_loopback_port()
    {
        Assert.Equal("127.0.0.1:6400", new EmbeddedGarnetSettings("/d", 6400, TimeSpan.Zero, true).ConnectionString);
    }
}
