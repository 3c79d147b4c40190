namespace CdnPulse.Hosting;

/// <summary>Writes each line to the console behind a fixed-width, coloured resource prefix.</summary>
public sealed class ConsoleResourceLog : IResourceLog
{
    private static readonly ConsoleColor[] Palette =
        [ConsoleColor.Cyan, ConsoleColor.Green, ConsoleColor.Magenta, ConsoleColor.Yellow, ConsoleColor.Blue, ConsoleColor.DarkCyan, ConsoleColor.DarkYellow, ConsoleColor.DarkGreen];

    private readonly Lock _gate = new();
    private readonly Dictionary<string, ConsoleColor> _colors = [];

    public void Line(string resource, string line, bool isError)
    {
        lock (_gate)
        {
            if (!_colors.TryGetValue(resource, out var color))
            {
                color = Palette[_colors.Count % Palette.Length];
                _colors[resource] = color;
            }
            Console.ForegroundColor = color;
            Console.Write($"{resource,-14}| ");
            Console.ResetColor();
            if (isError)
            {
                Console.ForegroundColor = ConsoleColor.Red;
            }
            Console.WriteLine(line);
            Console.ResetColor();
        }
    }
}
