import Glibc
import SystemPackage

/// File names as bytes. Linux names are bytes, not text: a name that is not valid UTF-8 must
/// still be read, stored and shown. newsd keeps paths as strings in an escaped form, like
/// `ls -b`: a backslash is `\\`, each byte that is not part of valid UTF-8 is `\xHH`, and every
/// other character is itself. A name that is valid UTF-8 without a backslash is unchanged.
/// `path(_:)` turns the escaped form back into the exact bytes.
public enum RawName {
    /// The escaped form of a path's bytes.
    public static func string(_ path: FilePath) -> String {
        path.withPlatformString { pointer in
            escape(UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: strlen(pointer)))
        }
    }

    /// The escaped form of some bytes.
    public static func escape(_ bytes: some Collection<UInt8>) -> String {
        if !bytes.contains(0x5C), String(validating: bytes, as: UTF8.self) != nil {
            return String(decoding: bytes, as: UTF8.self)
        }
        var out = ""
        let array = Array(bytes)
        var i = 0
        while i < array.count {
            let length = validSequenceLength(array, at: i)
            if length > 0 {
                if array[i] == 0x5C {
                    out += "\\\\"
                } else {
                    out += String(decoding: array[i..<i + length], as: UTF8.self)
                }
                i += length
            } else {
                let hex = String(array[i], radix: 16, uppercase: true)
                out += "\\x" + (hex.count == 1 ? "0" + hex : hex)
                i += 1
            }
        }
        return out
    }

    /// The bytes an escaped form stands for.
    public static func bytes(_ escaped: String) -> [UInt8] {
        let utf8 = Array(escaped.utf8)
        guard utf8.contains(0x5C) else { return utf8 }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        var i = 0
        while i < utf8.count {
            if utf8[i] == 0x5C, i + 1 < utf8.count {
                if utf8[i + 1] == 0x5C {
                    out.append(0x5C)
                    i += 2
                    continue
                }
                if utf8[i + 1] == UInt8(ascii: "x"), i + 3 < utf8.count,
                    let value = UInt8(String(decoding: utf8[i + 2...i + 3], as: UTF8.self), radix: 16)
                {
                    out.append(value)
                    i += 4
                    continue
                }
            }
            out.append(utf8[i])
            i += 1
        }
        return out
    }

    /// The path an escaped form stands for.
    public static func path(_ escaped: String) -> FilePath {
        var bytes = bytes(escaped).map { CChar(bitPattern: $0) }
        bytes.append(0)
        return bytes.withUnsafeBufferPointer { FilePath(platformString: $0.baseAddress!) }
    }

    /// How many bytes the valid UTF-8 scalar at `i` takes; 0 when the byte starts none.
    static func validSequenceLength(_ b: [UInt8], at i: Int) -> Int {
        let first = b[i]
        if first < 0x80 { return 1 }
        let length: Int
        switch first {
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return 0
        }
        guard i + length <= b.count else { return 0 }
        return String(validating: b[i..<i + length], as: UTF8.self) != nil ? length : 0
    }
}
