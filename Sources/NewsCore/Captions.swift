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
        for credit in credits where line.containsBytes(credit) {
            let tail = String(line.utf8.suffix(90)) ?? ""
            return tail.containsBytes(credit)
        }
        return false
    }
}
