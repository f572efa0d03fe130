// Tolok: the library, one module per stage of the data flow, each depending only on the stages
// before it (Model → Input → Alignment → Statistics → Output). `import Tolok` gives them all.
@_exported import TolokModel
@_exported import TolokInput
@_exported import TolokAlignment
@_exported import TolokStatistics
@_exported import TolokOutput
