import Foundation

/// File names for Tab: the entries of a folder that start with what was typed, written back so
/// that ``CommandWords`` reads each as one word.
public enum FileNameCompletion {
    /// At most this many entries of a folder are looked at, so a huge folder cannot stall Tab.
    static let maximumEntries = 2_000

    /// The completions of `typed`, a path as typed on the line: backslash-escaped when `quote`
    /// is nil, as it is inside an opened `"` or `'` quote. Folders end with `/`; entries
    /// starting with `.` are offered only when the typed name starts with one. `~/` stands for
    /// `$HOME` and is kept.
    public static func candidates(for typed: String, quote: Character?, home: String? = ProcessInfo.processInfo.environment["HOME"])
        -> [String] {
        let path = quote == nil ? unescape(typed) : typed
        let slash = path.lastIndex(of: "/")
        let folderPart = slash.map { String(path[...$0]) } ?? ""
        let namePart = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var folder = folderPart.isEmpty ? "." : folderPart
        if folder.hasPrefix("~/"), let home { folder = home + folder.dropFirst() }
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        return entries.prefix(maximumEntries)
            .filter { $0.hasPrefix(namePart) && (namePart.hasPrefix(".") || !$0.hasPrefix(".")) }
            .sorted()
            .map { name in
                var isFolder: ObjCBool = false
                let full = (folder.hasSuffix("/") ? folder : folder + "/") + name
                let suffix = FileManager.default.fileExists(atPath: full, isDirectory: &isFolder) && isFolder.boolValue ? "/" : ""
                let completed = folderPart + name + suffix
                return quote == nil ? CommandWords.escape(completed) : completed
            }
    }

    /// `typed` with each backslash escape undone (`my\ r` is `my r`).
    static func unescape(_ typed: String) -> String {
        var result = ""
        var escaped = false
        for character in typed {
            if escaped || character != "\\" {
                result.append(character)
                escaped = false
            } else {
                escaped = true
            }
        }
        return result
    }
}
