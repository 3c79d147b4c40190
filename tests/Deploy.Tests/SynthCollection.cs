namespace CdnPulse.Deploy.Tests;

/// <summary>One jsii runtime per process: every test that synthesizes shares it and runs one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class SynthCollection : ICollectionFixture<SynthesizedStacks>
{
    public const string Name = "Synthesized stack";
}
