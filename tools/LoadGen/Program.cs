using CdnPulse.LoadGen.Cli;

return await LoadGenCommand.RunAsync(args, Console.Error, CancellationToken.None);
