using BenchmarkDotNet.Running;
using MigrantCover.Bench.Domain;

BenchmarkSwitcher.FromAssembly(typeof(CoverageBenchmarks).Assembly).Run(args);
