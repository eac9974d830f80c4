using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Hotspot.Storage;

/// <summary>Builds one model per <see cref="Secrets.SecretProtector"/>, since its converters are baked into the model.</summary>
internal sealed class HotspotModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        context is HotspotDbContext hotspot
            ? (context.GetType(), hotspot.Protector, designTime)
            : (context.GetType(), designTime);
}
