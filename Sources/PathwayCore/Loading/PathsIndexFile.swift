import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What reading one folder of career path files gave, kept in the pack cache beside the packs'
/// indexes so that start-up parses no path YAML (which was most of a start-up's reading).
///
/// The file is a header line, the listing of the folder it was read from (``PackListing``) and
/// the results (``PathsIndexLines``), each with its length and hash in the header. It is used
/// only while the listing still matches the folder entry by entry; any change to a path file
/// reads the folder again. Results carry the display path the files were read under, which is
/// part of the file's name, so diagnostics name files as the learner gave them.
enum PathsIndexFile {
    static let magic = "pathway-paths-index"

    /// What one file gave: a path, or what was wrong with it.
    struct Entry: Sendable, Equatable {
        var name: String
        var path: CareerPath?
        var diagnostics: [PackDiagnostic]
    }

    /// The entries kept at `path` for `folder`, when its listing is current; nil when it is
    /// missing, stale, truncated or damaged.
    static func read(_ path: String, folder: URL) -> [Entry]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_size > 0, info.st_size <= 4 << 20 else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        guard bytes.withUnsafeMutableBytes({ pread(fd, $0.baseAddress, $0.count, 0) }) == bytes.count,
              let newline = bytes.firstIndex(of: 10) else { return nil }
        let fields = bytes[..<newline].split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        guard fields.count == 6, fields[0] == magic, fields[1] == String(PackCache.format),
              let sections = PackIndexFile.Section.laidOut(fields[2...], from: newline + 1), sections[1].offset + sections[1].length == bytes.count,
              let listing = sections[0].bytes(in: bytes, available: bytes.count),
              let body = sections[1].bytes(in: bytes, available: bytes.count),
              PackListing.check(listing, at: folder.path, written: PackListing.Time(info.st_mtim)) != nil else { return nil }
        return PathsIndexLines.decode(body)
    }

    /// The file's bytes for `entries`, read from a folder that was `listing` before.
    static func encode(_ entries: [Entry], listing: PackListing) -> Data? {
        guard let body = PathsIndexLines.encode(entries) else { return nil }
        let sections = [listing.encoded(), body]
        var data = Data(([magic, String(PackCache.format)] + PackIndexFile.Section.fields(sections)).joined(separator: " ").utf8)
        data.append(10)
        for section in sections { data.append(section) }
        return data
    }
}
