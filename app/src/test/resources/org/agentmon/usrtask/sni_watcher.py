#!/usr/bin/python3
"""A minimal org.kde.StatusNotifierWatcher on the session bus, the part of a GNOME or KDE panel
that items register with. Prints each registration, then every second the latest item's Title,
Status, IconName and menu labels as read back over D-Bus; clicks the menu item labelled
sys.argv[1] (if given) once its menu has it."""
import sys
import dbus
import dbus.service
from dbus.mainloop.glib import DBusGMainLoop
from gi.repository import GLib

DBusGMainLoop(set_as_default=True)
bus = dbus.SessionBus()
IFACE = "org.kde.StatusNotifierWatcher"
ITEM = "org.kde.StatusNotifierItem"
MENU = "com.canonical.dbusmenu"
click = sys.argv[1] if len(sys.argv) > 1 else None
items = []


class Watcher(dbus.service.Object):
    def __init__(self):
        self.name = dbus.service.BusName(IFACE, bus)
        super().__init__(bus, "/StatusNotifierWatcher")

    @dbus.service.method(IFACE, in_signature="s", out_signature="", sender_keyword="sender")
    def RegisterStatusNotifierItem(self, service, sender=None):
        item = (sender, service) if service.startswith("/") else (service, "/StatusNotifierItem")
        print("REGISTERED", item[0] + item[1], flush=True)
        if item not in items:
            items.append(item)
            self.StatusNotifierItemRegistered(item[0] + item[1])

    @dbus.service.method(IFACE, in_signature="s", out_signature="")
    def RegisterStatusNotifierHost(self, service):
        pass

    @dbus.service.signal(IFACE, signature="s")
    def StatusNotifierItemRegistered(self, service):
        pass

    @dbus.service.method(dbus.PROPERTIES_IFACE, in_signature="ss", out_signature="v")
    def Get(self, interface, prop):
        return self.GetAll(interface)[prop]

    @dbus.service.method(dbus.PROPERTIES_IFACE, in_signature="s", out_signature="a{sv}")
    def GetAll(self, interface):
        return {"RegisteredStatusNotifierItems": dbus.Array([a + b for a, b in items], signature="s"),
                "IsStatusNotifierHostRegistered": True, "ProtocolVersion": dbus.Int32(0)}


def report():
    global click
    if not items:
        return True
    name, path = items[-1]
    try:
        props = bus.get_object(name, path).GetAll(ITEM, dbus_interface=dbus.PROPERTIES_IFACE)
        menu = bus.get_object(name, props["Menu"])
        _, layout = menu.GetLayout(0, -1, dbus.Array([], signature="s"), dbus_interface=MENU)
        labels = [(c[0], str(c[1].get("label", "-")), bool(c[1].get("enabled", True))) for c in layout[2]]
        print("ITEM title=%s status=%s icon=%s" % (props["Title"], props["Status"], props["IconName"]), flush=True)
        print("MENU " + " | ".join(l if on else "(" + l + ")" for _, l, on in labels), flush=True)
        for ident, label, on in labels:
            if click is not None and label == click:
                menu.Event(ident, "clicked", dbus.String("", variant_level=1), dbus.UInt32(0), dbus_interface=MENU)
                print("CLICKED " + label, flush=True)
                click = None
    except dbus.DBusException as e:
        print("UNREADABLE " + str(e), flush=True)
    return True


Watcher()
print("WATCHER READY", flush=True)
GLib.timeout_add(1000, report)
GLib.MainLoop().run()
