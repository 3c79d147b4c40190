// Every test class drives one shared system (or, for the benchmark, a system of its own): never two at once on 2 cores.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
