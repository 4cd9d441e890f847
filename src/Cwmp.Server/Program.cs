using Cwmp.Server.Hosting;

await using var app = CwmpServerApplication.Build(args);
await app.RunAsync();
