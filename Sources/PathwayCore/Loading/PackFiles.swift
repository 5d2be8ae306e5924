import Foundation

/// Resolves file references inside a pack folder and refuses any that leave it.
struct PackFiles {
    let root: URL
    private let realRoot: String

    init(root: URL) {
        self.root = root.standardizedFileURL
        self.realRoot = self.root.resolvingSymlinksInPath().path
    }

    /// Why a reference was refused.
    enum Refusal: Error, CustomStringConvertible {
        case absolute(String), parentDirectory(String), escapes(String), missing(String), loop(String)

        var description: String {
            switch self {
            case let .absolute(path): return "'\(path)' is an absolute path; refer to files relative to the pack folder"
            case let .parentDirectory(path): return "'\(path)' uses '..'; files must stay inside the pack folder"
            case let .escapes(path): return "'\(path)' leads outside the pack folder (through a symbolic link)"
            case let .missing(path): return "'\(path)' does not exist in the pack"
            case let .loop(path): return "'\(path)' is a symbolic link that loops (it leads back to itself)"
            }
        }
    }

    /// The URL of `relative`, checked to be an existing file inside the pack.
    func resolve(_ relative: String) -> Result<URL, Refusal> {
        if relative.hasPrefix("/") || relative.hasPrefix("~") { return .failure(.absolute(relative)) }
        let components = relative.split(separator: "/")
        if components.contains("..") { return .failure(.parentDirectory(relative)) }
        let url = root.appending(path: relative).standardizedFileURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            var info = stat()
            if Self.entryExists(url.path), stat(url.path, &info) != 0, errno == ELOOP { return .failure(.loop(relative)) }
            return .failure(.missing(relative))
        }
        let real = url.resolvingSymlinksInPath().path
        guard real.hasPrefix(realRoot + "/") else { return .failure(.escapes(relative)) }
        return .success(url)
    }

    /// Whether anything is at `path`, a broken or looping symbolic link included.
    static func entryExists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }
}
