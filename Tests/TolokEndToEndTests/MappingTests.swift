import Foundation
import Testing
import Tolok

@Suite("Mapping tables and peer groups")
struct MappingTests {
    @Test func aLabelMappedTwoWaysIsAnError() throws {
        let data = try copyOfShippedDatasets()
        let file = data.appendingPathComponent("indicator_mappings.csv")
        let text = try String(contentsOf: file, encoding: .utf8)
        let line = text.split(separator: "\n").count + 1
        try (text + "map-conflict,3509,,pencari kerja yang  ditempatkan,trainees,as_is,,,,,1,,conflicting row\n")
            .write(to: file, atomically: true, encoding: .utf8)
        let run = tolok("validate", "--data", data.path)
        #expect(run.status == 1)
        #expect(run.err.contains { $0.hasPrefix("\(data.path)/indicator_mappings.csv:\(line):\("map-conflict,3509,,".count + 1): error: mapping map-conflict: the label 'pencari kerja yang  ditempatkan' (district 3509) is mapped twice, differently: to placements (as_is)") })
    }

    @Test func unmappedLabelsAreListedNotDropped() throws {
        let run = tolok("indicators", "--unmapped", "--format", "csv", "--data", shippedDatasets)
        #expect(run.status == 0)
        #expect(run.out.first == "district_code,label,level,observations,first_printed")
        // Jember's overseas placements (AKAN) are printed but are no canonical indicator: listed.
        #expect(run.out.contains { $0.hasPrefix("3509,Pencari kerja yang ditempatkan: angkatan kerja antar Negara (AKAN),statistik,") })
        #expect(run.out.count - 1 == shippedAnalysis.alignment.unmapped.count)
    }

    @Test func oldProgrammeNamesReachTheStandardCodes() {
        let crosswalk = ProgrammeCrosswalk(shipped)
        #expect(crosswalk.programme(districtCode: "3275", label: "Program Peningkatan Kesempatan Kerja", code: nil)?.code == "2.07.04")
        #expect(crosswalk.programme(districtCode: "3275", label: "Program Pelayanan Administrasi Perkantoran", code: nil)?.code == "2.07.01")
        #expect(crosswalk.programme(districtCode: "3509", label: "Program: Pelatihan Kerja dan Prokduktivitas Tenaga Kerja", code: nil)?.code == "2.07.03")
        #expect(crosswalk.programme(districtCode: "3216", label: "anything", code: "2.07.05")?.standardName == "Program Hubungan Industrial")
        #expect(crosswalk.programme(districtCode: "3216", label: "Program Tidak Dikenal", code: nil) == nil)
    }
}
