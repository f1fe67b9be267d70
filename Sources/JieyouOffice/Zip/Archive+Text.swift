import Foundation
import ZIPFoundation

extension Archive {
    /// Adds a part written in memory (an XML part of an office package), deflated.
    func addText(at path: String, _ text: String) throws {
        let data = Data(text.utf8)
        try addEntry(
            with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate,
            provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
    }
}
