import Foundation
import ZIPFoundation

/// Writes zip archives: plain files, folders and (for tests of hostile archives) symbolic links.
/// Entry paths are written exactly as given.
struct ZipWriter {
    private let archive: Archive
    /// Entries carry this date so that archiving the same pack twice gives the same bytes.
    static let fixedDate = Date(timeIntervalSince1970: 1_577_836_800)

    init(creating url: URL) throws {
        archive = try Archive(url: url, accessMode: .create)
    }

    func addDirectory(_ path: String) throws {
        try archive.addEntry(with: path.hasSuffix("/") ? path : path + "/", type: .directory, uncompressedSize: Int64(0),
                             modificationDate: Self.fixedDate) { _, _ in Data() }
    }

    func addFile(_ path: String, data: Data, compressed: Bool = true) throws {
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: Self.fixedDate,
                             compressionMethod: compressed ? .deflate : .none) { position, size in
            let start = Int(position)
            return data.subdata(in: start..<min(start + size, data.count))
        }
    }

    /// A file of `size` zero bytes, made chunk by chunk (a compressed "bomb" is tiny on disk).
    func addZeros(_ path: String, size: Int64) throws {
        try archive.addEntry(with: path, type: .file, uncompressedSize: size, modificationDate: Self.fixedDate,
                             compressionMethod: .deflate) { position, chunk in
            Data(count: Int(min(Int64(chunk), size - position)))
        }
    }

    func addSymlink(_ path: String, target: String) throws {
        let data = Data(target.utf8)
        try archive.addEntry(with: path, type: .symlink, uncompressedSize: Int64(data.count),
                             modificationDate: Self.fixedDate) { _, _ in data }
    }
}
