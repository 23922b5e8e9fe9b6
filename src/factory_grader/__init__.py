"""factory-grader (智能工厂梯度评估): offline smart-factory self-assessment."""

__version__ = "0.1.0"
