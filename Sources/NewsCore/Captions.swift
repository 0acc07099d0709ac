import Foundation

/// Photo captions: `FILE PHOTO: … REUTERS/Name`, `… REUTERS/Kevin Lamarque/File Photo`, agency credits.
enum Captions {
    static let prefixes = ["FILE PHOTO:", "File photo:", "PHOTO:", "Photo:", "Image:", "Picture:", "Caption:", "Pictured:"]
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

    /// Bytes that start a credit (all ASCII), as a bit mask over 0..<128.
    static let creditStarts: (low: UInt64, high: UInt64) = {
        var mask: (low: UInt64, high: UInt64) = (0, 0)
        for credit in credits {
            let b = credit.utf8Start.pointee
            if b < 64 { mask.low |= 1 << UInt64(b) } else if b < 128 { mask.high |= 1 << UInt64(b - 64) }
        }
        return mask
    }()

    /// The index of the first credit (in list order) that the line contains, found in one pass.
    static func firstCredit(in line: String) -> Int? {
        var line = line
        line.makeContiguousUTF8()
        return line.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            var best: Int?
            var i = 0
            let (low, high) = creditStarts
            while i < bytes.count {
                let b = bytes[i]
                if b < 64 ? low >> UInt64(b) & 1 != 0 : b < 128 && high >> UInt64(b - 64) & 1 != 0 {
                    for (index, credit) in credits.enumerated() where best.map({ index < $0 }) ?? true {
                        let n = credit.utf8CodeUnitCount
                        guard i + n <= bytes.count else { continue }
                        let p = credit.utf8Start
                        var k = 0
                        while k < n, bytes[i + k] == p[k] { k += 1 }
                        if k == n { best = index }
                    }
                    if best == 0 { return 0 }
                }
                i += 1
            }
            return best
        } ?? nil
    }
}
