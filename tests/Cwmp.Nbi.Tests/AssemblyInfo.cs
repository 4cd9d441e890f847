// Each fixture starts a whole server (Garnet, an Orleans silo, Kestrel); on a two-core machine running them side by
// side would only make every start slower and the timeouts harder to reason about.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
