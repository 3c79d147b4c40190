using CdnPulse.Admin;

return await AdminCommands.RunAsync(args, Console.Out, Console.Error, CancellationToken.None);
