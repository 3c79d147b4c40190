namespace CdnPulse.LoadGen.Traffic;

/// <summary>What an object is; decides its size, its cacheability and how it is requested.</summary>
public enum ContentClass
{
    Page,
    Script,
    Stylesheet,
    Font,
    Image,
    Manifest,
    VideoSegment,
    Download,
    Api,
}
