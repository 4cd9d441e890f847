using System.Diagnostics;
using System.Globalization;

namespace Cwmp.Protocol.Benchmarks;

/// <summary>
/// <c>--check</c>: runs every scenario once and asserts what it produced, then prints the document sizes and the bytes
/// allocated per operation, in about ten seconds. A smoke test for CI, where a full benchmark run is too slow. The
/// allocation figures are deterministic (timings are not, least of all on shared CI machines), so the Inform
/// allocation budget is asserted too.
/// </summary>
public static class SelfCheck
{
    /// <summary>The allocation goal: a parsed Inform allocates at most this many times its own size.</summary>
    public const double InformAllocationBudget = 3.0;

    private const int OperationsPerRound = 50;

    private static readonly TimeSpan WarmUpTime = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan MeasuringTime = TimeSpan.FromSeconds(1);

    public static int Run(TextWriter output)
    {
        try
        {
            var inform = new InformParseBenchmark();
            CheckInform(inform.ParseInform());
            double informRatio = Report(output, "Parse Inform", inform.DocumentBytes, () => inform.ParseInform());

            var getValues = new GetParameterValuesResponseParseBenchmark();
            CheckGetParameterValuesResponse(getValues.ParseGetParameterValuesResponse());
            Report(output, "Parse GetParameterValuesResponse", getValues.DocumentBytes, () => getValues.ParseGetParameterValuesResponse());

            var informResponse = new InformResponseWriteBenchmark();
            CheckWritten(informResponse.DocumentBytes, informResponse.WriteInformResponse(), InformResponseWriteBenchmark.Envelope);
            Report(output, "Write InformResponse", informResponse.DocumentBytes, () => informResponse.WriteInformResponse());

            var setValues = new SetParameterValuesWriteBenchmark();
            CheckWritten(setValues.DocumentBytes, setValues.WriteSetParameterValues(), SetParameterValuesWriteBenchmark.Envelope);
            Report(output, "Write SetParameterValues", setValues.DocumentBytes, () => setValues.WriteSetParameterValues());

            Require(informRatio <= InformAllocationBudget, $"A parsed Inform allocates {informRatio:0.00}× its size; the budget is {InformAllocationBudget}×.");
            output.WriteLine("check passed");
            return 0;
        }
        catch (CheckFailedException e)
        {
            output.WriteLine($"check FAILED: {e.Message}");
            return 1;
        }
    }

    private static void CheckInform(CwmpEnvelope? envelope)
    {
        Require(envelope is not null, "The Inform parsed to an empty POST.");
        Require(envelope!.CwmpNamespace == CwmpNamespaces.Cwmp10, $"Namespace {envelope.CwmpNamespace}.");
        Require(envelope.Header.Id == "1742-0017F3-000012", $"cwmp:ID {envelope.Header.Id}.");
        Require(envelope.Body is Inform, $"The body is {envelope.Body.MethodName}, not Inform.");
        var inform = (Inform)envelope.Body;
        Require(inform.DeviceId == new DeviceIdStruct("Example Networks", "00D09E", "EX5400", "EXN2241A0017F3"), $"DeviceId {inform.DeviceId}.");
        Require(inform.Events == [new EventStruct(EventCodes.Periodic), new EventStruct(EventCodes.ValueChange)], $"Events {inform.Events}.");
        Require(inform.MaxEnvelopes == 1 && inform.RetryCount == 0, "MaxEnvelopes or RetryCount.");
        Require(inform.CurrentTime.Value == new DateTimeOffset(2025, 3, 14, 9, 27, 43, TimeSpan.Zero), $"CurrentTime {inform.CurrentTime}.");
        Require(inform.ParameterList.Count == Payloads.InformParameterCount, $"{inform.ParameterList.Count} parameters.");
        Require(inform.ParameterList[10] == new ParameterValueStruct("Device.DeviceInfo.UpTime", "1209611", "xsd:unsignedInt"), $"Parameter 10 is {inform.ParameterList[10]}.");
        Require(inform.ParameterList[31] == new ParameterValueStruct("Device.WiFi.SSID.1.SSID", "Home & Garden 5G"), $"Parameter 31 is {inform.ParameterList[31]}.");
        Require(inform.ParameterList[^1] == new ParameterValueStruct("Device.WiFi.AccessPoint.1.Security.ModeEnabled", "WPA2-WPA3-Personal"), $"The last parameter is {inform.ParameterList[^1]}.");
    }

    private static void CheckGetParameterValuesResponse(CwmpEnvelope? envelope)
    {
        Require(envelope is not null, "The GetParameterValuesResponse parsed to an empty POST.");
        Require(envelope!.Header.Id == "acs-7f3c1e0a-0004", $"cwmp:ID {envelope.Header.Id}.");
        Require(envelope.Body is GetParameterValuesResponse, $"The body is {envelope.Body.MethodName}, not GetParameterValuesResponse.");
        var response = (GetParameterValuesResponse)envelope.Body;
        Require(response.ParameterList.Count == Payloads.GetParameterValuesResponseParameterCount, $"{response.ParameterList.Count} parameters.");
        Require(response.ParameterList[0] == new ParameterValueStruct("Device.Hosts.Host.1.PhysAddress", "3c:22:fb:00:01:7e"), $"The first parameter is {response.ParameterList[0]}.");
        Require(response.ParameterList[4] == new ParameterValueStruct("Device.Hosts.Host.1.LeaseTimeRemaining", "85403", "xsd:int"), $"Parameter 4 is {response.ParameterList[4]}.");
        Require(response.ParameterList[^1] == new ParameterValueStruct("Device.Hosts.Host.50.Active", "false", "xsd:boolean"), $"The last parameter is {response.ParameterList[^1]}.");
    }

    private static void CheckWritten(int expectedBytes, int writtenBytes, CwmpEnvelope envelope)
    {
        byte[] written = CwmpWriter.WriteToArray(envelope);
        Require(writtenBytes == expectedBytes && written.Length == expectedBytes, $"{writtenBytes} bytes written, {expectedBytes} expected.");
        Require(CwmpParser.Parse(written) == envelope, $"The written {envelope.Body.MethodName} does not parse back to itself.");
    }

    /// <summary>Prints the size and the allocation per operation; returns allocation / size.</summary>
    private static double Report(TextWriter output, string scenario, int documentBytes, Action operation)
    {
        // The first calls run unoptimised (tier-0) code, which allocates where the optimised code does not; the
        // runtime swaps in optimised code in the background after a delay.
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < WarmUpTime)
        {
            operation();
        }

        // The smallest figure of any round, so that a late tier-up cannot inflate it.
        long allocated = long.MaxValue;
        clock.Restart();
        while (clock.Elapsed < MeasuringTime)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < OperationsPerRound; i++)
            {
                operation();
            }

            allocated = Math.Min(allocated, (GC.GetAllocatedBytesForCurrentThread() - before) / OperationsPerRound);
        }

        double ratio = (double)allocated / documentBytes;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{scenario,-34} {documentBytes,8:N0} B   allocates {allocated,9:N0} B/op = {ratio,5:0.00}× the document"));
        return ratio;
    }

    private static void Require(bool condition, string failure)
    {
        if (!condition)
        {
            throw new CheckFailedException(failure);
        }
    }

    private sealed class CheckFailedException(string message) : Exception(message);
}
