// The chart library: pure functions that render charts as self-contained, static SVG strings
// (ECharts' server-side SVG renderer), the same in Node, a browser and a Web Worker.

export { axisLabel } from "./axisLabel.js";
export { binSamples } from "./binSamples.js";
export type { Band, ChartSize, Marker, ValueUnit } from "./chartTypes.js";
export { DEFAULT_SIZE } from "./chartTypes.js";
export { type FanChartData, fanChart } from "./fanChart.js";
export { type HistogramData, histogram } from "./histogram.js";
export { type LineChartData, type LineSeries, lineChart } from "./lineChart.js";
export { type LoopData, type LoopEdge, type LoopNode, loopDiagram } from "./loopDiagram.js";
export { normalizeSvg } from "./normalizeSvg.js";
export { type StackedBarsData, stackedBars } from "./stackedBars.js";
export { type TornadoData, type TornadoRow, tornadoChart } from "./tornadoChart.js";
