namespace CdnPulse.Deploy;

/// <summary>A <c>cdnpulse:*</c> context value the app cannot use; the message names the key and the allowed values.</summary>
public sealed class DeploySettingsException(string message) : Exception(message);
