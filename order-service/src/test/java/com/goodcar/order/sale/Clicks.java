package com.goodcar.order.sale;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Buyers' clicks on POST /sales/{id}/orders, many at once, and what each got. */
final class Clicks {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One click: whose, with which key. */
    record Click(String token, String key) {
        String buyer() {
            return RushBuyers.subject(token);
        }
    }

    /** What a click got: its status (0 when the connection failed) and the order id of a 2xx. */
    record Answer(Click click, int status, String orderId, String body) {
        boolean acknowledged() {
            return status == 200 || status == 201;
        }
    }

    private Clicks() {
    }

    static Answer click(String base, String saleId, Click click) {
        var request = HttpRequest.newBuilder(URI.create(base + "/sales/" + saleId + "/orders"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + click.token())
                .header("Idempotency-Key", click.key()).POST(HttpRequest.BodyPublishers.noBody()).build();
        try {
            var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            String orderId = response.statusCode() / 100 == 2 ? JSON.readTree(response.body()).path("id").asText() : null;
            return new Answer(click, response.statusCode(), orderId, response.body());
        } catch (IOException e) {
            return new Answer(click, 0, null, e.toString()); // e.g. the service was killed mid-request
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(click, 0, null, e.toString());
        }
    }

    /** Every click at once (as far as {@code parallel} threads go), all released together. */
    static List<Answer> rush(String base, String saleId, List<Click> clicks, int parallel) {
        return rush(base, saleId, clicks, parallel, answer -> { });
    }

    /** As {@link #rush(String, String, List, int)}, telling {@code each} of every answer as it comes. */
    static List<Answer> rush(String base, String saleId, List<Click> clicks, int parallel,
                             java.util.function.Consumer<Answer> each) {
        var gate = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            var futures = new ArrayList<Future<Answer>>();
            for (Click click : clicks) {
                futures.add(pool.submit(() -> {
                    gate.await();
                    Answer answer = click(base, saleId, click);
                    each.accept(answer);
                    return answer;
                }));
            }
            gate.countDown();
            var answers = new ArrayList<Answer>();
            for (var future : futures) {
                answers.add(future.get());
            }
            return answers;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }
}
