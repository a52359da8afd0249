// Access tokens for ./platform bench sale: one RS256 JWT per bench buyer, signed with the bench's own
// key of the local realm (sale.sh registers it with Keycloak, which then publishes its public half in
// the realm's key set). order-service verifies them exactly as Keycloak's own: signature by the key
// set's kid, issuer, expiry, realm roles. Run as a single-file program (java BenchTokens.java ...).
//
//   java BenchTokens.java KEY_PEM JWKS_URL ISSUER COUNT LIFETIME_SECONDS OUT_FILE
// KEY_PEM: a PKCS#8 RSA private key (openssl genpkey). Prints "kid=<kid>"; writes one token a line.
// Exit 3 when the realm's key set has no key of this private key (not registered, or not yet).

import java.io.BufferedWriter;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

public class BenchTokens {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            System.err.println("usage: BenchTokens KEY_PEM JWKS_URL ISSUER COUNT LIFETIME_SECONDS OUT_FILE");
            System.exit(2);
        }
        String pem = Files.readString(Path.of(args[0])).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        var key = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        String modulus = URL.encodeToString(unsigned(key.getModulus()));
        String jwks = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(args[1])).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        // the realm's key set: {"keys":[{"kid":"...","kty":"RSA","alg":"RS256","use":"sig","n":"...","e":"AQAB",...}]}
        String kid = null;
        var entry = Pattern.compile("\\{[^{}]*\\}").matcher(jwks.replaceAll("\"x5c\":\\[[^]]*]", "\"x5c\":0"));
        while (entry.find()) {
            String one = entry.group();
            if (one.contains("\"n\":\"" + modulus + "\"")) {
                var id = Pattern.compile("\"kid\":\"([^\"]+)\"").matcher(one);
                kid = id.find() ? id.group(1) : null;
            }
        }
        if (kid == null) {
            System.err.println("the realm's key set (" + args[1] + ") has no key of " + args[0]);
            System.exit(3);
        }
        String issuer = args[2];
        int count = Integer.parseInt(args[3]);
        long now = System.currentTimeMillis() / 1000;
        long exp = now + Long.parseLong(args[4]);
        String header = URL.encodeToString(("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        String[] tokens = new String[count];
        var done = new AtomicInteger();
        IntStream.range(0, count).parallel().forEach(i -> {
            String name = "bench-buyer-%05d".formatted(i + 1);
            String sub = UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
            // the claims of a Keycloak access token of the bench client (password grant), nothing more
            String claims = "{\"exp\":" + exp + ",\"iat\":" + now + ",\"jti\":\"" + UUID.randomUUID() + "\",\"iss\":\""
                    + issuer + "\",\"aud\":[\"goodcar-api\",\"account\"],\"sub\":\"" + sub + "\",\"typ\":\"Bearer\",\"azp\":\"bench\","
                    + "\"realm_access\":{\"roles\":[\"buyer\"]},\"scope\":\"profile email\",\"email_verified\":true,"
                    + "\"preferred_username\":\"" + name + "\"}";
            String signed = header + "." + URL.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
            try {
                var rsa = Signature.getInstance("SHA256withRSA");
                rsa.initSign(key);
                rsa.update(signed.getBytes(StandardCharsets.US_ASCII));
                tokens[i] = signed + "." + URL.encodeToString(rsa.sign());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            done.incrementAndGet();
        });
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[5]))) {
            for (String token : tokens) {
                out.write(token);
                out.newLine();
            }
        }
        System.out.println("kid=" + kid);
    }

    /** The big-endian bytes of a positive number, without the sign byte Java adds. */
    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes[0] == 0 && bytes.length > 1) {
            byte[] trimmed = new byte[bytes.length - 1];
            System.arraycopy(bytes, 1, trimmed, 0, trimmed.length);
            return trimmed;
        }
        return bytes;
    }
}
