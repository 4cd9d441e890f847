using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Web;
using Cwmp.Protocol;
using Cwmp.Swarm.Http;

namespace Cwmp.Swarm.Cpe;

/// <summary>
/// Really performs Download and Upload (TR-069 A.3.2.8, A.4.1.5) over HTTP with one shared client that can only
/// connect to loopback addresses and never follows redirects: a download is fetched whole, its size checked against
/// FileSize and its hash against the one the ACS put in the URL (query parameter named by the swarm's convention);
/// an upload PUTs a generated file. Basic and Digest credentials from the RPC are answered when challenged.
/// </summary>
internal sealed class FileTransfers : IDisposable
{
    private readonly HttpClient _client;
    private readonly string _hashParameter;
    private readonly long _maxBytes;

    public FileTransfers(string hashParameter, long maxBytes)
    {
        _hashParameter = hashParameter;
        _maxBytes = maxBytes;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
            ConnectCallback = ConnectLoopbackOnlyAsync,
        };
        _client = new HttpClient(handler) { Timeout = TimeSpan.FromMinutes(2) };
    }

    public async Task<TransferResult> DownloadAsync(PendingTransfer transfer, CancellationToken cancellationToken)
    {
        if (!LoopbackGuard.TryParseLoopback(transfer.Url, out Uri? uri))
        {
            return TransferResult.Fail(FaultCodes.FileTransferFailure, "The swarm refuses to contact a file server off loopback");
        }

        try
        {
            using HttpResponseMessage response = await SendAsync(HttpMethod.Get, uri, transfer, null, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                return TransferResult.Fail(FaultCodes.FileTransferServerAuthenticationFailure);
            }

            if (!response.IsSuccessStatusCode)
            {
                return TransferResult.Fail(FaultCodes.FileTransferFailure, $"HTTP {(int)response.StatusCode} from the file server");
            }

            (HashAlgorithmName Algorithm, string Hex)? expected = ExpectedHash(uri);
            using IncrementalHash? hash = expected is { } e ? IncrementalHash.CreateHash(e.Algorithm) : null;
            long received = 0;
            await using Stream body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            byte[] buffer = new byte[64 * 1024];
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                received += read;
                if (received > _maxBytes)
                {
                    return TransferResult.Fail(FaultCodes.FileTransferFailure, "The file is larger than the device can store");
                }

                hash?.AppendData(buffer, 0, read);
            }

            if (transfer.FileSize > 0 && received != transfer.FileSize)
            {
                return TransferResult.Fail(FaultCodes.FileCorrupted, $"Received {received} bytes, FileSize says {transfer.FileSize}");
            }

            if (expected is { } check && !string.Equals(Convert.ToHexStringLower(hash!.GetHashAndReset()), check.Hex, StringComparison.OrdinalIgnoreCase))
            {
                return TransferResult.Fail(FaultCodes.FileCorrupted, "The file's hash does not match");
            }

            return TransferResult.Success(received);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or SocketException or TaskCanceledException)
        {
            return TransferResult.Fail(FaultCodes.FileTransferFailure, "Could not fetch the file");
        }
    }

    public async Task<TransferResult> UploadAsync(PendingTransfer transfer, byte[] content, CancellationToken cancellationToken)
    {
        if (!LoopbackGuard.TryParseLoopback(transfer.Url, out Uri? uri))
        {
            return TransferResult.Fail(FaultCodes.UploadFailure, "The swarm refuses to contact a file server off loopback");
        }

        try
        {
            using HttpResponseMessage response = await SendAsync(HttpMethod.Put, uri, transfer, content, cancellationToken).ConfigureAwait(false);
            return response.StatusCode == HttpStatusCode.Unauthorized
                ? TransferResult.Fail(FaultCodes.FileTransferServerAuthenticationFailure)
                : response.IsSuccessStatusCode
                    ? TransferResult.Success(content.Length)
                    : TransferResult.Fail(FaultCodes.UploadFailure, $"HTTP {(int)response.StatusCode} from the file server");
        }
        catch (Exception e) when (e is HttpRequestException or IOException or SocketException or TaskCanceledException)
        {
            return TransferResult.Fail(FaultCodes.UploadFailure, "Could not send the file");
        }
    }

    /// <summary>A GET or PUT that answers one authentication challenge with the RPC's credentials.</summary>
    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, Uri uri, PendingTransfer transfer, byte[]? content, CancellationToken cancellationToken)
    {
        ClientAuthenticator? auth = transfer.Username.Length > 0 ? new ClientAuthenticator(transfer.Username, transfer.Password) : null;
        for (int attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, uri);
            if (content is not null)
            {
                request.Content = new ByteArrayContent(content);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            }

            if (auth?.Authorize(method.Method, uri.PathAndQuery) is { } authorization)
            {
                request.Headers.TryAddWithoutValidation("Authorization", authorization);
            }

            HttpResponseMessage response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.Unauthorized || attempt > 0 || auth is null
                || !auth.Accept(response.Headers.WwwAuthenticate.Select(h => h.ToString())))
            {
                return response;
            }

            response.Dispose();
        }
    }

    /// <summary>The hash convention: "?sha256=HEX" (or md5, sha1, sha512) in the download URL.</summary>
    internal (HashAlgorithmName Algorithm, string Hex)? ExpectedHash(Uri uri)
    {
        if (_hashParameter.Length == 0 || uri.Query.Length == 0)
        {
            return null;
        }

        string? value = HttpUtility.ParseQueryString(uri.Query)[_hashParameter];
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        HashAlgorithmName algorithm = value.Length switch
        {
            32 => HashAlgorithmName.MD5,
            40 => HashAlgorithmName.SHA1,
            128 => HashAlgorithmName.SHA512,
            _ => HashAlgorithmName.SHA256,
        };
        return (algorithm, value);
    }

    private static async ValueTask<Stream> ConnectLoopbackOnlyAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        Uri probe = new("http://" + (context.DnsEndPoint.Host.Contains(':', StringComparison.Ordinal) ? "[" + context.DnsEndPoint.Host + "]" : context.DnsEndPoint.Host));
        if (!LoopbackGuard.TryGetLoopbackAddress(probe, out IPAddress? address))
        {
            throw new HttpRequestException($"{context.DnsEndPoint.Host} is not a loopback address.");
        }

        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>The file an Upload sends: a configuration dump or a log, made from the device's data model.</summary>
    public static byte[] UploadContent(SimulatedCpe cpe, string fileType, DateTimeOffset now)
    {
        var text = new StringBuilder();
        if (fileType.StartsWith("1 ", StringComparison.Ordinal) || fileType.StartsWith("3 ", StringComparison.Ordinal))
        {
            text.Append("# configuration of ").Append(cpe.DeviceKey).Append('\n');
            foreach (DataModel.ModelEntry entry in cpe.Model.Enumerate(string.Empty))
            {
                if (!entry.Definition.IsObject && entry.Definition.Writable && !entry.Definition.Hidden)
                {
                    text.Append(entry.Name).Append('=').Append(cpe.Model.GetValue(entry.Name, entry.Definition)).Append('\n');
                }
            }
        }
        else
        {
            for (int i = 0; i < 20; i++)
            {
                text.Append(now.AddSeconds(i - 20).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))
                    .Append(" cwmpd[").Append(100 + i).Append("]: session ").Append(i).Append(" with the ACS ended normally\n");
            }
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public void Dispose() => _client.Dispose();
}

/// <summary>The outcome of a transfer: fault 0, or a transfer fault code and text.</summary>
internal sealed record TransferResult(int FaultCode, string FaultString, long Bytes)
{
    public bool Succeeded => FaultCode == 0;

    public static TransferResult Success(long bytes) => new(0, string.Empty, bytes);

    public static TransferResult Fail(int code, string? text = null) => new(code, text ?? FaultCodes.Describe(code), 0);
}
