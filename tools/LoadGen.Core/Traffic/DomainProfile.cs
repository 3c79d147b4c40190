namespace CdnPulse.LoadGen.Traffic;

/// <summary>The kind of site behind a domain: its content mix, cache behaviour and origin.</summary>
public enum DomainProfile
{
    /// <summary>Pages, scripts, styles, images; a few API calls.</summary>
    Web,

    /// <summary>Video segments, manifests and posters; origin shield on.</summary>
    Media,

    /// <summary>Static assets only (scripts, styles, fonts, images); very high hit rate.</summary>
    Static,

    /// <summary>Mostly uncacheable API calls.</summary>
    Api,

    /// <summary>Large files with a heavy size tail, often fetched in ranges.</summary>
    Downloads,
}
