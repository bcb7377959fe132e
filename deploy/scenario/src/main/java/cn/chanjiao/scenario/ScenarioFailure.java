package cn.chanjiao.scenario;

/** A step did not see what a front end would expect. */
public class ScenarioFailure extends RuntimeException {

    public ScenarioFailure(String message) {
        super(message);
    }
}
