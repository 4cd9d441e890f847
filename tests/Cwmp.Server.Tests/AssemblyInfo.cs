// Each test starts whole servers (Garnet, an Orleans silo, Kestrel, sometimes redis-server); on a two-core machine
// running them side by side would only make every start slower and the timeouts harder to reason about.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
