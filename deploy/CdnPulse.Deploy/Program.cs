using CdnPulse.Deploy;

return SynthCommand.Run(args, Console.Out, Console.Error);
