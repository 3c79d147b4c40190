using Amazon.CDK;
using Amazon.CDK.AWS.ElasticLoadBalancingV2;
using Constructs;

namespace CdnPulse.Deploy.Components;

/// <summary>
/// The internet-facing Application Load Balancer: HTTPS on 443 (Firehose delivers to port 443 only) with a 404 default,
/// HTTP on 80 redirecting to it. Services add their path rules to <see cref="Listener"/>.
/// </summary>
public sealed class PublicEndpoint : Construct
{
    public const string FirehosePath = "/firehose";

    /// <summary>
    /// <paramref name="certificateArn"/> is the HTTPS listener's ACM certificate; <paramref name="hostName"/> the DNS name
    /// clients and Firehose use (a CNAME/alias to the load balancer), empty for the load balancer's own name.
    /// </summary>
    public PublicEndpoint(Construct scope, string id, Network network, string certificateArn, CfnParameter hostName)
        : base(scope, id)
    {
        LoadBalancer = new ApplicationLoadBalancer(this, "LoadBalancer", new ApplicationLoadBalancerProps
        {
            Vpc = network.Vpc,
            InternetFacing = true,
            DropInvalidHeaderFields = true,
            // Firehose may hold a request up to 3 minutes; a large delivery must not be cut at the 60 s default.
            IdleTimeout = Duration.Seconds(180),
        });
        Listener = LoadBalancer.AddListener("Https", new BaseApplicationListenerProps
        {
            Port = 443,
            Protocol = ApplicationProtocol.HTTPS,
            Certificates = [ListenerCertificate.FromArn(certificateArn)],
            SslPolicy = SslPolicy.RECOMMENDED_TLS,
            DefaultAction = ListenerAction.FixedResponse(404, new FixedResponseOptions
            {
                ContentType = "application/json",
                MessageBody = """{"error":"not found"}""",
            }),
        });
        LoadBalancer.AddRedirect();

        var hasHostName = new CfnCondition(this, "HasHostName", new CfnConditionProps
        {
            Expression = Fn.ConditionNot(Fn.ConditionEquals(hostName.ValueAsString, "")),
        });
        // Fn.ConditionIf's result is a jsii proxy that Token.AsString cannot take from .NET; the raw intrinsic is the same JSON.
        var host = Token.AsString(new Dictionary<string, object>
        {
            ["Fn::If"] = new object[] { hasHostName.LogicalId, hostName.ValueAsString, LoadBalancer.LoadBalancerDnsName },
        });
        BaseUrl = $"https://{host}";
    }

    public ApplicationLoadBalancer LoadBalancer { get; }

    public ApplicationListener Listener { get; }

    /// <summary><c>https://&lt;host name or load balancer DNS&gt;</c>.</summary>
    public string BaseUrl { get; }

    /// <summary>Ingest's Firehose HTTP endpoint.</summary>
    public string FirehoseUrl => BaseUrl + FirehosePath;
}
