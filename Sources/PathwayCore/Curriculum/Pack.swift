import Foundation

/// A loaded curriculum pack.
public struct Pack: Sendable {
    public var manifest: PackManifest
    public var modules: [Module]
    /// The pack folder.
    public var root: URL

    public init(manifest: PackManifest, modules: [Module], root: URL) {
        self.manifest = manifest
        self.modules = modules
        self.root = root
    }

    public var id: String { manifest.id }
    public var title: String { manifest.title }

    /// Every lesson, in order, with its module.
    public var lessons: [(module: Module, lesson: Lesson)] {
        modules.flatMap { module in module.lessons.map { (module, $0) } }
    }

    public func module(id: String) -> Module? { modules.first { $0.id == id } }

    public func lesson(id: String) -> (module: Module, lesson: Lesson)? {
        for module in modules {
            if let lesson = module.lessons.first(where: { $0.id == id }) { return (module, lesson) }
        }
        return nil
    }
}
