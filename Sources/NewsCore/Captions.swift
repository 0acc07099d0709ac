import Foundation

/// Photo captions: `FILE PHOTO: … REUTERS/Name`, `… REUTERS/Kevin Lamarque/File Photo`, agency credits.
enum Captions {
    static let prefixes = [
        "FILE PHOTO:", "File photo:", "PHOTO:", "Photo:", "Image:", "Picture:", "Caption:", "Pictured:",
        // A picture's credit in the languages newsd reads most (`Foto: Ingo Pertramer`, `Crédits photos : …`).
        "Foto:", "FOTO:", "Fotos:", "Bild:", "BILD:", "Crédits photos", "Crédit photo",
    ]
    static let credits: [StaticString] = [
        "Getty Images", "AP Photo", "/AFP", "AFP via", "(AFP)", "EPA-EFE", "/EPA", "Photograph:",
        "(Photo:", "Photo by ", "/Shutterstock", "/Alamy", "ANADOLU", "/Bloomberg", "/Sputnik",
    ]

    /// Whether the line is a caption rather than a paragraph.
    static func isCaption(_ line: String) -> Bool {
        for prefix in prefixes where line.fastHasPrefix(prefix) { return true }
        guard line.utf8.count < 400 else { return false }
        // The agency in capitals is a photo credit; in a sentence it is written "Reuters".
        if line.containsBytes("REUTERS") { return true }
        guard let credit = firstCredit(in: line) else { return false }
        let tail = String(line.utf8.suffix(90)) ?? ""
        return tail.containsBytes(credits[credit])
    }

    /// The credits' first bytes (all ASCII), each with the indexes of the credits starting with it.
    static let creditsByFirstByte: [(byte: UInt8, credits: [Int])] = {
        var groups: [(byte: UInt8, credits: [Int])] = []
        for (index, credit) in credits.enumerated() {
            let first = credit.utf8Start.pointee
            if let k = groups.firstIndex(where: { $0.byte == first }) {
                groups[k].credits.append(index)
            } else {
                groups.append((first, [index]))
            }
        }
        return groups
    }()

    /// The index of the first credit (in list order) that the line contains: one `memchr` scan per
    /// distinct first byte, trying that byte's credits wherever it occurs.
    static func firstCredit(in line: String) -> Int? {
        var line = line
        return line.withUTF8 { bytes -> Int? in
            guard let base = bytes.baseAddress else { return nil }
            var best = Int.max
            for group in creditsByFirstByte where group.credits[0] < best {
                var from = 0
                while from < bytes.count {
                    guard let hit = memchr(base + from, Int32(group.byte), bytes.count - from) else { break }
                    let position = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
                    for index in group.credits where index < best {
                        let credit = credits[index]
                        let n = credit.utf8CodeUnitCount
                        guard position + n <= bytes.count else { continue }
                        let p = credit.utf8Start
                        var k = 1
                        while k < n, bytes[position + k] == p[k] { k += 1 }
                        if k == n { best = index }
                    }
                    from = position + 1
                }
            }
            return best == Int.max ? nil : best
        }
    }
}
