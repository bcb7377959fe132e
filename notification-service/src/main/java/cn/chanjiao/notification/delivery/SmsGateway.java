package cn.chanjiao.notification.delivery;

/** The port to an SMS provider. */
public interface SmsGateway {

    /** Sends one text message; a refusal or failure is reported, not thrown. */
    DeliverySender.Outcome send(String mobile, String text);
}
