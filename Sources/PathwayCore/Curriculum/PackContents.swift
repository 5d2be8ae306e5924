import Foundation

/// A pack's manifest and modules: given, or read from the pack index the first time each is
/// used, then kept. Shared between copies of a ``Pack`` (a class); assigning a new manifest or
/// new modules to a pack gives it contents of its own.
final class PackContents: @unchecked Sendable {
    private let lock = NSLock()
    private var manifestValue: PackManifest?
    private var modulesValue: [Module]?
    private let index: PackIndexFile?
    private let head: PackHead?

    init(manifest: PackManifest, modules: [Module]) {
        manifestValue = manifest
        modulesValue = modules
        index = nil
        head = nil
    }

    /// Contents read from `index` when first needed; `head` stands in for a manifest that can
    /// no longer be read at all.
    init(index: PackIndexFile, head: PackHead) {
        self.index = index
        self.head = head
    }

    var manifest: PackManifest {
        lock.withLock {
            if let manifestValue { return manifestValue }
            let read = index?.manifest() ?? PackManifest(head: head!)
            manifestValue = read
            return read
        }
    }

    /// Whether the modules have been read (tests: what a command decodes).
    var modulesRead: Bool { lock.withLock { modulesValue != nil } }

    var modules: [Module] {
        lock.withLock {
            if let modulesValue { return modulesValue }
            let read = index?.modules() ?? []
            modulesValue = read
            return read
        }
    }
}
