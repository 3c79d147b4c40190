using CdnPulse.AppHost;

return await AppHostCommand.RunAsync(args);
