package cn.chanjiao.reporting.support;

import cn.chanjiao.testkit.http.ApiClient;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A multipart/form-data body with one file part named {@code file}. */
public final class Multipart {

    private Multipart() {
    }

    public static ApiClient.Call file(ApiClient.Call call, String fileName, String contentType, byte[] content) {
        String boundary = "----reporting" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return call.body("multipart/form-data; boundary=" + boundary, body);
    }
}
