package com.goodcar.replay;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One HTML page that opens anywhere without a network: Chart.js and the data are inlined. Price
 * against the seed's milestones, bids per second, acceptance, latency and watchers' staleness over
 * time, then the end checks and each step's latency.
 */
final class Report {

    private static final String CHART_JS = "META-INF/resources/webjars/chart.js/4.5.1/dist/chart.umd.min.js";

    static Path write(Path file, Summary summary, Measurements m, SeedCurve curve, LotPlan plan) {
        ObjectNode data = Api.JSON.createObjectNode();
        ArrayNode t = data.putArray("t");
        ArrayNode price = data.putArray("price");
        ArrayNode seed = data.putArray("seed");
        ArrayNode sent = data.putArray("sent");
        ArrayNode accepted = data.putArray("accepted");
        ArrayNode ratio = data.putArray("ratio");
        ArrayNode p50 = data.putArray("p50");
        ArrayNode p99 = data.putArray("p99");
        ArrayNode s50 = data.putArray("s50");
        ArrayNode s99 = data.putArray("s99");
        long lastPrice = plan.startPriceFen();
        for (Map.Entry<Integer, Measurements.Second> e : m.seconds().entrySet()) {
            int second = e.getKey();
            Measurements.Second s = e.getValue();
            if (second < 0) {
                continue;
            }
            lastPrice = Math.max(lastPrice, s.priceFen);
            t.add(second);
            price.add(lastPrice / SeedCurve.YUAN);
            seed.add(curve.priceAt(Duration.ofSeconds(second).multipliedBy(plan.speed())) / SeedCurve.YUAN);
            sent.add(s.sent);
            accepted.add(s.accepted);
            ratio.add(s.sent == 0 ? null : Math.round(1000.0 * s.accepted / s.sent) / 10.0);
            p50.add(ms(s.latencyPercentileMicros(50)));
            p99.add(ms(s.latencyPercentileMicros(99)));
            s50.add(s.stalenessPercentileMillis(50) < 0 ? null : s.stalenessPercentileMillis(50));
            s99.add(s.stalenessPercentileMillis(99) < 0 ? null : s.stalenessPercentileMillis(99));
        }
        ArrayNode milestones = data.putArray("milestones");
        for (SeedCurve.Milestone ms : curve.milestones()) {
            milestones.addObject().put("x", ms.after().toMillis() / 1000.0 / plan.speed())
                    .put("y", ms.priceFen() / SeedCurve.YUAN).put("label", ms.label());
        }
        String html = TEMPLATE
                .replace("%TITLE%", "No. 001 replay " + summary.runId())
                .replace("%SUMMARY%", summary.html())
                .replace("%CHARTJS%", chartJs())
                .replace("%DATA%", data.toString());
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, html);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Double ms(long micros) {
        return micros < 0 ? null : Math.round(micros / 100.0) / 10.0;
    }

    private static String chartJs() {
        try (InputStream in = Report.class.getClassLoader().getResourceAsStream(CHART_JS)) {
            if (in == null) {
                throw new ReplayFailure("Chart.js is not on the classpath (" + CHART_JS + ")");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("</script", "<\\/script");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the page says above the charts. */
    record Summary(String runId, List<String[]> settings, List<EndChecks.Check> checks, Map<String, long[]> steps,
                   List<String[]> figures) {

        String html() {
            StringBuilder b = new StringBuilder();
            b.append("<h2>Checks</h2><table><tr><th></th><th>check</th><th>expected</th><th>found</th></tr>");
            for (EndChecks.Check c : checks) {
                b.append("<tr class='").append(c.ok() ? "ok" : "bad").append("'><td>").append(c.ok() ? "✔" : "✘")
                        .append("</td><td>").append(esc(c.name())).append("</td><td>").append(esc(c.expected()))
                        .append("</td><td>").append(esc(c.actual())).append("</td></tr>");
            }
            b.append("</table><h2>Figures</h2><table>");
            for (String[] f : figures) {
                b.append("<tr><td>").append(esc(f[0])).append("</td><td>").append(esc(f[1])).append("</td></tr>");
            }
            b.append("</table><h2>Latency per step</h2><table><tr><th>step</th><th>count</th><th>p50 ms</th><th>p99 ms</th><th>max ms</th></tr>");
            steps.forEach((name, v) -> b.append("<tr><td>").append(esc(name)).append("</td><td>").append(v[0])
                    .append("</td><td>").append(String.format("%.1f", v[1] / 1000.0)).append("</td><td>")
                    .append(String.format("%.1f", v[2] / 1000.0)).append("</td><td>").append(String.format("%.1f", v[3] / 1000.0))
                    .append("</td></tr>"));
            b.append("</table><h2>Settings</h2><table>");
            for (String[] s : settings) {
                b.append("<tr><td>").append(esc(s[0])).append("</td><td>").append(esc(s[1])).append("</td></tr>");
            }
            return b.append("</table>").toString();
        }

        private static String esc(String s) {
            return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        }
    }

    private static final String TEMPLATE = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>%TITLE%</title>
            <style>
              body { font: 14px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 1100px; color: #222; }
              h1 { font-size: 1.5rem; } h2 { font-size: 1.1rem; margin-top: 2rem; }
              table { border-collapse: collapse; margin: .5rem 0; } td, th { padding: .2rem .6rem; border-bottom: 1px solid #ddd; text-align: left; }
              tr.ok td:first-child { color: #1a7f37; } tr.bad td { color: #b00020; font-weight: 600; }
              .charts { display: grid; grid-template-columns: 1fr 1fr; gap: 1.5rem; } .wide { grid-column: 1 / 3; }
              canvas { max-height: 320px; }
            </style></head><body>
            <h1>%TITLE%</h1>
            <p>The GAC Aion UT super "National Good Car" No. 001 auction, replayed against this platform: real
            Keycloak tokens, deposits paid at the sandbox PSP, bids along the seed's price curve compressed in
            time, SSE watchers, the winner's order paid, the car delivered by a partner outlet.</p>
            <div class="charts">
              <div class="wide"><canvas id="price"></canvas></div>
              <div><canvas id="rate"></canvas></div>
              <div><canvas id="ratio"></canvas></div>
              <div><canvas id="latency"></canvas></div>
              <div><canvas id="staleness"></canvas></div>
            </div>
            %SUMMARY%
            <script>%CHARTJS%</script>
            <script>
            const d = %DATA%;
            const xy = (ys) => d.t.map((x, i) => ({x, y: ys[i]}));
            const linear = (title) => ({type: 'linear', title: {display: true, text: title}});
            function chart(id, title, datasets, yTitle, extra) {
              new Chart(document.getElementById(id), {type: 'line', data: {datasets},
                options: Object.assign({animation: false, parsing: false, normalized: true, spanGaps: true,
                  elements: {point: {radius: 0}, line: {borderWidth: 1.5}},
                  plugins: {title: {display: true, text: title}},
                  scales: {x: linear('seconds of the replay'), y: linear(yTitle)}}, extra || {})});
            }
            chart('price', 'Price against the seed', [
              {label: 'price (yuan)', data: xy(d.price), borderColor: '#c62828'},
              {label: 'the seed, between its milestones', data: xy(d.seed), borderColor: '#9e9e9e', borderDash: [4, 3]},
              {label: 'the seed\\'s milestones', data: d.milestones, type: 'scatter', pointRadius: 5, backgroundColor: '#1565c0',
               borderColor: '#1565c0'}], 'yuan',
              {plugins: {title: {display: true, text: 'Price against the seed'}, tooltip: {callbacks: {
                label: (c) => c.raw.label ? c.raw.label : c.dataset.label + ': ' + c.raw.y.toLocaleString()}}}});
            chart('rate', 'Bids per second', [
              {label: 'sent', data: xy(d.sent), borderColor: '#6a1b9a'},
              {label: 'accepted', data: xy(d.accepted), borderColor: '#2e7d32'}], 'bids/s');
            chart('ratio', 'Acceptance (stale bids are refused)', [
              {label: 'accepted %', data: xy(d.ratio), borderColor: '#2e7d32'}], '%');
            chart('latency', 'Bid latency', [
              {label: 'p50 ms', data: xy(d.p50), borderColor: '#1565c0'},
              {label: 'p99 ms', data: xy(d.p99), borderColor: '#c62828'}], 'ms');
            chart('staleness', 'Watchers\\' staleness (arrival − the writer\\'s decision)', [
              {label: 'p50 ms', data: xy(d.s50), borderColor: '#1565c0'},
              {label: 'p99 ms', data: xy(d.s99), borderColor: '#c62828'}], 'ms');
            </script></body></html>
            """;
}
