namespace Cwmp.Swarm.DataModel;

/// <summary>A device as its data model sees it: a template, the facts that vary, and the overlay of changes.</summary>
internal interface IModelOwner : IDeviceFacts
{
    DeviceTemplate Template { get; }

    ModelOverlay? Overlay { get; set; }
}
