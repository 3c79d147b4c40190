using Amazon.CDK.AWS.ECR;
using Amazon.CDK.AWS.ECS;
using Constructs;

namespace CdnPulse.Deploy.Components;

/// <summary>
/// Where the containers come from: existing ECR repositories <c>&lt;prefix&gt;/&lt;service&gt;</c> in the account (pull
/// rights granted to the execution roles), or any other registry; the tag is a stack parameter. Nothing is built at synth.
/// </summary>
public sealed class ImageSource : Construct
{
    private readonly DeploySettings _settings;
    private readonly string _tag;

    public ImageSource(Construct scope, string id, DeploySettings settings, string tag)
        : base(scope, id)
    {
        _settings = settings;
        _tag = tag;
    }

    public string RepositoryName(string service) => $"{_settings.ImageRepositoryPrefix}/{service}";

    public ContainerImage For(string service) => _settings.ImageRegistry is { } registry
        ? ContainerImage.FromRegistry($"{registry}/{RepositoryName(service)}:{_tag}")
        : ContainerImage.FromEcrRepository(Repository.FromRepositoryName(this, service, RepositoryName(service)), _tag);
}
